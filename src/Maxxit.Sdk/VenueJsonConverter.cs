using System.Text.Json;
using System.Text.Json.Serialization;

namespace Maxxit.Sdk;

/// <summary>Writes a <see cref="Venue"/> as its name (<c>"HYPERLIQUID"</c>), also as a dictionary key; reads only defined venues.</summary>
internal sealed class VenueJsonConverter : JsonConverter<Venue>
{
    public override Venue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? Find(reader.GetString()) : throw new JsonException("a venue is a string, e.g. \"HYPERLIQUID\"");

    public override void Write(Utf8JsonWriter writer, Venue value, JsonSerializerOptions options) => writer.WriteStringValue(Checked(value).Name);

    public override Venue ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Find(reader.GetString());

    public override void WriteAsPropertyName(Utf8JsonWriter writer, Venue value, JsonSerializerOptions options) => writer.WritePropertyName(Checked(value).Name);

    private static Venue Find(string? name) =>
        Venue.TryParse(name, out var venue) ? venue : throw new JsonException($"'{name}' is not a known venue");

    private static Venue Checked(Venue value) =>
        value.IsNone ? throw new JsonException("default(Venue) names no venue and cannot be written") : value;
}
