using System.Buffers;
using System.Text.Json;
using MessagePack;

namespace Maxxit.Sdk.Hyperliquid.Tests.Fakes;

/// <summary>
/// The fake exchange's own msgpack encoder: like the real exchange, it re-encodes the posted JSON action with the field
/// order of the exchange's structs, whatever order the JSON used. Written independently of the SDK's encoder so that a
/// field-order mistake in the SDK shows up as a wrong recovered signer.
/// </summary>
internal static class CanonicalActionEncoder
{
    private static readonly string[] KeyOrder =
    [
        "type", "orders", "cancels", "modifies", "grouping", "builder", "oid", "order",
        "a", "b", "p", "s", "r", "t", "c", "o",
        "asset", "isBuy", "ntli", "cloid", "isCross", "leverage",
        "limit", "tif", "trigger", "isMarket", "triggerPx", "tpsl",
        "time", "name", "subAccountUser", "isDeposit", "usd", "num",
    ];

    public static byte[] Encode(JsonElement action)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        Write(ref writer, action);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(ref MessagePackWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var properties = element.EnumerateObject().ToList();
                foreach (var property in properties)
                {
                    if (Array.IndexOf(KeyOrder, property.Name) < 0)
                    {
                        throw new InvalidDataException($"unknown field '{property.Name}'");
                    }
                }

                properties.Sort((x, y) => Array.IndexOf(KeyOrder, x.Name).CompareTo(Array.IndexOf(KeyOrder, y.Name)));
                writer.WriteMapHeader(properties.Count);
                foreach (var property in properties)
                {
                    writer.Write(property.Name);
                    Write(ref writer, property.Value);
                }

                break;
            case JsonValueKind.Array:
                writer.WriteArrayHeader(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    Write(ref writer, item);
                }

                break;
            case JsonValueKind.String:
                writer.Write(element.GetString());
                break;
            case JsonValueKind.Number:
                if (element.TryGetInt64(out var signed))
                {
                    writer.Write(signed);
                }
                else
                {
                    writer.Write(element.GetUInt64());
                }

                break;
            case JsonValueKind.True:
                writer.Write(true);
                break;
            case JsonValueKind.False:
                writer.Write(false);
                break;
            case JsonValueKind.Null:
                writer.WriteNil();
                break;
            default:
                throw new InvalidDataException("unsupported JSON value");
        }
    }
}
