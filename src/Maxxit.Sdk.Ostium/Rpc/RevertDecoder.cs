using System.Globalization;
using Maxxit.Sdk.Ethereum;
using Maxxit.Sdk.Ethereum.Abi;

namespace Maxxit.Sdk.Ostium.Rpc;

/// <summary>Turns revert data into a readable reason: <c>Error(string)</c>, <c>Panic(uint256)</c> or a known custom error.</summary>
public sealed class RevertDecoder
{
    private static readonly AbiFunction ErrorString = new("Error(string)");
    private static readonly AbiFunction Panic = new("Panic(uint256)");
    private readonly Dictionary<uint, AbiFunction> _custom = [];

    /// <summary>Creates a decoder that also knows the given custom errors, e.g. <c>NotDelegate(address,address)</c>.</summary>
    public RevertDecoder(IEnumerable<string> customErrorSignatures)
    {
        ArgumentNullException.ThrowIfNull(customErrorSignatures);
        foreach (var signature in customErrorSignatures)
        {
            var error = new AbiFunction(signature);
            _custom[SelectorKey(error.Selector)] = error;
        }
    }

    /// <summary>A decoder for <c>Error(string)</c> and <c>Panic(uint256)</c> only.</summary>
    public static RevertDecoder Standard { get; } = new([]);

    /// <summary>The reason, or null when the data is empty or unknown.</summary>
    public string? Decode(ReadOnlySpan<byte> data)
    {
        if (data.Length < 4)
        {
            return null;
        }

        var key = SelectorKey(data[..4]);
        try
        {
            if (key == SelectorKey(ErrorString.Selector))
            {
                return (string)ErrorString.DecodeCall(data)[0]!;
            }

            if (key == SelectorKey(Panic.Selector))
            {
                return $"panic 0x{((System.Numerics.BigInteger)Panic.DecodeCall(data)[0]!).ToString("x2", CultureInfo.InvariantCulture)}";
            }

            if (_custom.TryGetValue(key, out var error))
            {
                var args = error.DecodeCall(data);
                return $"{error.Name}({string.Join(", ", args.Select(Format))})";
            }
        }
        catch (EthereumFormatException)
        {
            // Malformed revert data: fall through and let the caller show the node's own message.
        }

        return null;
    }

    private static uint SelectorKey(ReadOnlySpan<byte> selector) =>
        (uint)((selector[0] << 24) | (selector[1] << 16) | (selector[2] << 8) | selector[3]);

    private static string Format(object? value) => value switch
    {
        null => "null",
        byte[] bytes => Hex.Encode(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
