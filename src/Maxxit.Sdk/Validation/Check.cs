using System.Text.RegularExpressions;
using Maxxit.Sdk.Errors;

namespace Maxxit.Sdk.Validation;

/// <summary>Input checks shared by the client operations and the signal validator; each throws <see cref="MaxxitValidationException"/> naming the member path it is given.</summary>
internal static partial class Check
{
    public static string Wallet(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new MaxxitValidationException(field, "is required");
        }

        if (!WalletPattern().IsMatch(value))
        {
            throw new MaxxitValidationException(field, "must be 0x followed by 40 hex digits");
        }

        return value;
    }

    public static string? OptionalWallet(string? value, string field) => string.IsNullOrEmpty(value) ? null : Wallet(value, field);

    public static string Name(string? value, string field)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new MaxxitValidationException(field, "must not be empty");
        }

        if (trimmed.Length > 100)
        {
            throw new MaxxitValidationException(field, "must be at most 100 characters");
        }

        return trimmed;
    }

    public static string Token(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new MaxxitValidationException(field, "must not be empty");
        }

        if (!TokenPattern().IsMatch(value))
        {
            throw new MaxxitValidationException(field, "must be 1-20 letters or digits, e.g. ETH");
        }

        return value.ToUpperInvariant();
    }

    public static TradeSide Side(TradeSide? value, string field) => value switch
    {
        null => throw new MaxxitValidationException(field, "is required (Long or Short)"),
        TradeSide.Long or TradeSide.Short => value.Value,
        _ => throw new MaxxitValidationException(field, $"{(int)value.Value} is not a side (Long or Short)"),
    };

    public static decimal SizePercent(decimal value, string field) =>
        value is > 0m and <= 100m ? value : throw new MaxxitValidationException(field, "must be in (0, 100]");

    public static decimal Fraction(decimal value, string field) =>
        value is > 0m and < 1m ? value : throw new MaxxitValidationException(field, "must be in (0, 1)");

    public static decimal TakeProfit(decimal value, string field) =>
        value is > 0m and <= 10m ? value : throw new MaxxitValidationException(field, "must be in (0, 10]");

    public static decimal Confidence(decimal? value, string field) => value switch
    {
        null => throw new MaxxitValidationException(field, "is required"),
        >= 0m and <= 1m => value.Value,
        _ => throw new MaxxitValidationException(field, "must be in [0, 1]"),
    };

    public static Guid Id(Guid? value, string field) => value switch
    {
        null => throw new MaxxitValidationException(field, "is required"),
        { } id when id == Guid.Empty => throw new MaxxitValidationException(field, "must not be the empty id"),
        { } id => id,
    };

    public static IReadOnlyList<string> Ids(IReadOnlyList<string>? values, string field)
    {
        if (values is null)
        {
            return [];
        }

        foreach (var value in values)
        {
            if (string.IsNullOrWhiteSpace(value) || value.Length > 100)
            {
                throw new MaxxitValidationException(field, "ids must be non-empty and at most 100 characters");
            }
        }

        return values.ToArray();
    }

    [GeneratedRegex("^0x[0-9a-fA-F]{40}$")]
    private static partial Regex WalletPattern();

    [GeneratedRegex("^[A-Za-z0-9]{1,20}$")]
    private static partial Regex TokenPattern();
}
