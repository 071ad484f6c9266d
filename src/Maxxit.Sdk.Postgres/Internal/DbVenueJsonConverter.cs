using System.Text.Json;
using System.Text.Json.Serialization;

namespace Maxxit.Sdk.Postgres.Internal;

/// <summary>
/// Venues inside jsonb columns (e.g. a policy's preferred venues). Unlike the SDK's own converter it accepts a venue
/// this process has not defined: the database only holds names some host's adapter registered, and a host without
/// that adapter must still read the row.
/// </summary>
internal sealed class DbVenueJsonConverter : JsonConverter<Venue>
{
    public override Venue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? DbNames.ParseVenue(reader.GetString()!) : throw new JsonException("a venue is a string");

    public override void Write(Utf8JsonWriter writer, Venue value, JsonSerializerOptions options) => writer.WriteStringValue(DbNames.Venue(value, "venue"));

    public override Venue ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => DbNames.ParseVenue(reader.GetString()!);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, Venue value, JsonSerializerOptions options) => writer.WritePropertyName(DbNames.Venue(value, "venue"));
}
