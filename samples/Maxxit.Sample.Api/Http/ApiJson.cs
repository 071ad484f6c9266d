using System.Text.Json;
using System.Text.Json.Serialization;

namespace Maxxit.Sample.Api.Http;

/// <summary>The wire format of the original API: snake_case names and upper-case enum names (LONG, HYPERLIQUID, PENDING).</summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.NumberHandling = JsonNumberHandling.Strict;

        // Integer enum values would let `"side": 7` through as an undefined side.
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false));
    }
}
