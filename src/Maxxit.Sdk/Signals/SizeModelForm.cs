using Maxxit.Sdk.Errors;

namespace Maxxit.Sdk.Signals;

/// <summary>
/// The flat form of a <see cref="SizeModel"/> that the original HTTP API and the <c>signals_v3.size_model</c> JSON hold:
/// <c>{type: "percentage", value}</c>. Edges (a store, an HTTP host) convert with <see cref="From"/> and <see cref="ToModel"/>.
/// </summary>
/// <param name="Type">Always <see cref="PercentageType"/> (any case).</param>
/// <param name="Value">Percent of the account.</param>
public sealed record SizeModelForm(string? Type, decimal? Value)
{
    /// <summary>The name of <see cref="SizeModel.Percentage"/>.</summary>
    public const string PercentageType = "percentage";

    /// <summary>The flat form of <paramref name="model"/>.</summary>
    public static SizeModelForm From(SizeModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model switch
        {
            SizeModel.Percentage p => new(PercentageType, p.Value),
            _ => throw new ArgumentOutOfRangeException(nameof(model), model.GetType().Name, "not a size model this SDK knows"),
        };
    }

    /// <summary>The typed model. Checks the shape, not the range, which the signal validator checks.</summary>
    /// <exception cref="MaxxitValidationException">The type is missing or unknown, or the value is missing.</exception>
    public SizeModel ToModel()
    {
        if (!string.Equals(Type?.Trim(), PercentageType, StringComparison.OrdinalIgnoreCase))
        {
            throw new MaxxitValidationException($"{nameof(SizeModelForm)}.{nameof(Type)}", $"must be '{PercentageType}'");
        }

        return new SizeModel.Percentage(Value ?? throw new MaxxitValidationException($"{nameof(SizeModelForm)}.{nameof(Value)}", "is required"));
    }
}
