using Maxxit.Sdk.Signals;

namespace Maxxit.Sample.Api.Dtos;

/// <summary><c>{type: "percentage", value}</c>: percent of the account.</summary>
public sealed record SizeModelDto(string? Type, decimal? Value)
{
    public static SizeModelDto From(SizeModel model) => new(model.Type, model.Value);
}
