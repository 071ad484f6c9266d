using System.Globalization;

namespace Maxxit.Sample.Api.Http;

/// <summary>Parses query and route values, answering 400 with the parameter's name when one is malformed.</summary>
public static class QueryValues
{
    public static TEnum Enum<TEnum>(string value, string field)
        where TEnum : struct, Enum
    {
        // Names only (ACTIVE, paused): a bare number would parse to an undefined member.
        if (!value.All(char.IsAsciiLetter) || !System.Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed))
        {
            throw new ApiErrorException(
                StatusCodes.Status400BadRequest,
                $"{field}: must be one of {string.Join(", ", System.Enum.GetNames<TEnum>().Select(n => n.ToUpperInvariant()))}",
                field);
        }

        return parsed;
    }

    public static int Int(string value, string field) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new ApiErrorException(StatusCodes.Status400BadRequest, $"{field}: must be an integer", field);

    public static Guid Id(string value, string field) =>
        Guid.TryParse(value, out var parsed)
            ? parsed
            : throw new ApiErrorException(StatusCodes.Status400BadRequest, $"{field}: must be a UUID", field);
}
