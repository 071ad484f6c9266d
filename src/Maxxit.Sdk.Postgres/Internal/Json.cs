using System.Text.Json;
using System.Text.Json.Serialization;

namespace Maxxit.Sdk.Postgres.Internal;

/// <summary>jsonb columns: snake_case keys and upper-case enum names, matching the column style of the tables.</summary>
internal static class Json
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        Converters = { new DbVenueJsonConverter(), new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false) },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json, string column) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidOperationException($"Column {column} holds JSON null");
}
