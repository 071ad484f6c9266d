using System.Text.Json;

namespace Maxxit.Sdk.Hyperliquid.Info;

internal static class Utf8JsonWriterExtensions
{
    public static Utf8JsonWriter WriteStringAnd(this Utf8JsonWriter writer, string name, string value)
    {
        writer.WriteString(name, value);
        return writer;
    }
}
