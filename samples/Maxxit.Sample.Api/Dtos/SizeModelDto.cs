using Maxxit.Sdk.Signals;

namespace Maxxit.Sample.Api.Dtos;

/// <summary><c>{type: "percentage", value}</c>: percent of the account.</summary>
public sealed record SizeModelDto(string? Type, decimal? Value)
{
    public static SizeModelDto From(SizeModel model)
    {
        var form = SizeModelForm.From(model);
        return new(form.Type, form.Value);
    }

    /// <summary>The typed model; a missing or unknown type or a missing value is a validation error naming its <see cref="SizeModelForm"/> member.</summary>
    public SizeModel ToModel() => new SizeModelForm(Type, Value).ToModel();
}
