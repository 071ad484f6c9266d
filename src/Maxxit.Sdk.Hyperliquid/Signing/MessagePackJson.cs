using System.Buffers;
using System.Text.Json;
using MessagePack;

namespace Maxxit.Sdk.Hyperliquid.Signing;

/// <summary>
/// Turns the signed MessagePack bytes of an action into the JSON sent to /exchange, so the JSON can never disagree
/// with what was signed (same fields, same order, same values).
/// </summary>
internal static class MessagePackJson
{
    public static void WriteJson(ReadOnlyMemory<byte> messagePack, Utf8JsonWriter json)
    {
        var reader = new MessagePackReader(messagePack);
        WriteValue(ref reader, json, depth: 0);
        if (!reader.End)
        {
            throw new InvalidOperationException("Trailing bytes after the action's MessagePack value.");
        }
    }

    private static void WriteValue(ref MessagePackReader reader, Utf8JsonWriter json, int depth)
    {
        if (depth > 32)
        {
            throw new InvalidOperationException("Action nesting is too deep.");
        }

        switch (reader.NextMessagePackType)
        {
            case MessagePackType.Map:
                var fields = reader.ReadMapHeader();
                json.WriteStartObject();
                for (var i = 0; i < fields; i++)
                {
                    json.WritePropertyName(reader.ReadString() ?? throw new InvalidOperationException("A map key is nil."));
                    WriteValue(ref reader, json, depth + 1);
                }

                json.WriteEndObject();
                break;
            case MessagePackType.Array:
                var items = reader.ReadArrayHeader();
                json.WriteStartArray();
                for (var i = 0; i < items; i++)
                {
                    WriteValue(ref reader, json, depth + 1);
                }

                json.WriteEndArray();
                break;
            case MessagePackType.String:
                json.WriteStringValue(reader.ReadString());
                break;
            case MessagePackType.Boolean:
                json.WriteBooleanValue(reader.ReadBoolean());
                break;
            case MessagePackType.Nil:
                reader.ReadNil();
                json.WriteNullValue();
                break;
            case MessagePackType.Integer:
                // uint64 values above long.MaxValue are legal in msgpack; the format code tells which reader to use.
                if (reader.NextCode == MessagePackCode.UInt64)
                {
                    json.WriteNumberValue(reader.ReadUInt64());
                }
                else
                {
                    json.WriteNumberValue(reader.ReadInt64());
                }

                break;
            default:
                throw new InvalidOperationException($"Actions never contain MessagePack type {reader.NextMessagePackType}.");
        }
    }
}
