using System.Globalization;

namespace Maxxit.Sdk.Ethereum.Abi;

// Recursive-descent parser for human-readable signatures: "name(type [indexed] [name], ...)".
// Tuple components may carry names too; names and data-location words are accepted and dropped
// from the canonical form, which is what selectors and topics are computed from.
internal static class AbiSignatureParser
{
    internal static AbiType ParseSingleType(string text, string paramName)
    {
        ArgumentNullException.ThrowIfNull(text, paramName);
        var pos = 0;
        SkipSpace(text, ref pos);
        var type = ParseType(text, ref pos, paramName);
        SkipSpace(text, ref pos);
        if (pos != text.Length)
        {
            throw Error(text, pos, "unexpected text after the type", paramName);
        }

        return type;
    }

    internal static IReadOnlyList<AbiType> ParseTypeList(string text, string paramName)
    {
        ArgumentNullException.ThrowIfNull(text, paramName);
        var types = new List<AbiType>();
        var pos = 0;
        SkipSpace(text, ref pos);
        if (pos == text.Length)
        {
            return types;
        }

        while (true)
        {
            types.Add(ParseType(text, ref pos, paramName));
            SkipSpace(text, ref pos);
            SkipName(text, ref pos);
            SkipSpace(text, ref pos);
            if (pos == text.Length)
            {
                return types;
            }

            Expect(text, ref pos, ',', paramName);
            SkipSpace(text, ref pos);
        }
    }

    internal static (string Name, IReadOnlyList<AbiParameter> Parameters) ParseSignature(
        string text, bool allowIndexed, string paramName)
    {
        ArgumentNullException.ThrowIfNull(text, paramName);
        var pos = 0;
        SkipSpace(text, ref pos);
        foreach (var keyword in new[] { "function ", "event " })
        {
            if (text.AsSpan(pos).StartsWith(keyword, StringComparison.Ordinal))
            {
                pos += keyword.Length;
                SkipSpace(text, ref pos);
            }
        }

        var nameStart = pos;
        while (pos < text.Length && IsIdentifierChar(text[pos]))
        {
            pos++;
        }

        if (pos == nameStart || char.IsAsciiDigit(text[nameStart]))
        {
            throw Error(text, nameStart, "expected a function or event name", paramName);
        }

        var name = text[nameStart..pos];
        SkipSpace(text, ref pos);
        Expect(text, ref pos, '(', paramName);
        var parameters = new List<AbiParameter>();
        SkipSpace(text, ref pos);
        if (pos < text.Length && text[pos] == ')')
        {
            pos++;
        }
        else
        {
            while (true)
            {
                SkipSpace(text, ref pos);
                var type = ParseType(text, ref pos, paramName);
                var indexed = false;
                string? parameterName = null;
                while (true)
                {
                    SkipSpace(text, ref pos);
                    var wordStart = pos;
                    while (pos < text.Length && IsIdentifierChar(text[pos]))
                    {
                        pos++;
                    }

                    if (pos == wordStart)
                    {
                        break;
                    }

                    var word = text[wordStart..pos];
                    if (word == "indexed" && allowIndexed && parameterName is null)
                    {
                        indexed = true;
                    }
                    else if (word is "memory" or "calldata" or "storage" && parameterName is null)
                    {
                        // Data locations from Solidity source do not affect the ABI.
                    }
                    else if (parameterName is null)
                    {
                        parameterName = word;
                    }
                    else
                    {
                        throw Error(text, wordStart, $"unexpected word '{word}'", paramName);
                    }
                }

                parameters.Add(new AbiParameter(type, parameterName, indexed));
                if (pos < text.Length && text[pos] == ')')
                {
                    pos++;
                    break;
                }

                Expect(text, ref pos, ',', paramName);
            }
        }

        SkipSpace(text, ref pos);
        if (pos != text.Length)
        {
            throw Error(text, pos, "unexpected text after the parameter list", paramName);
        }

        return (name, parameters);
    }

    private static AbiType ParseType(string text, ref int pos, string paramName)
    {
        AbiType type;
        if (text.AsSpan(pos).StartsWith("tuple(", StringComparison.Ordinal))
        {
            pos += 5;
        }

        if (pos < text.Length && text[pos] == '(')
        {
            pos++;
            var components = new List<AbiType>();
            while (true)
            {
                SkipSpace(text, ref pos);
                components.Add(ParseType(text, ref pos, paramName));
                SkipSpace(text, ref pos);
                SkipName(text, ref pos);
                SkipSpace(text, ref pos);
                if (pos < text.Length && text[pos] == ')')
                {
                    pos++;
                    break;
                }

                Expect(text, ref pos, ',', paramName);
            }

            type = AbiType.Tuple(components);
        }
        else
        {
            var start = pos;
            while (pos < text.Length && (char.IsAsciiLetterLower(text[pos]) || char.IsAsciiDigit(text[pos])))
            {
                pos++;
            }

            type = Elementary(text, start, text[start..pos], paramName);
        }

        while (pos < text.Length && text[pos] == '[')
        {
            var open = pos++;
            var digitsStart = pos;
            while (pos < text.Length && char.IsAsciiDigit(text[pos]))
            {
                pos++;
            }

            var digits = text.AsSpan(digitsStart, pos - digitsStart);
            Expect(text, ref pos, ']', paramName);
            if (digits.IsEmpty)
            {
                type = AbiType.ArrayOf(type);
            }
            else if (digits[0] != '0' && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                type = AbiType.FixedArrayOf(type, length);
            }
            else
            {
                throw Error(text, open, "array length must be a positive integer", paramName);
            }
        }

        return type;
    }

    private static AbiType Elementary(string text, int pos, string name, string paramName)
    {
        switch (name)
        {
            case "address": return AbiType.Address;
            case "bool": return AbiType.Bool;
            case "string": return AbiType.String;
            case "bytes": return AbiType.Bytes;
            case "uint": return AbiType.UInt256;
            case "int": return AbiType.Int(256);
        }

        foreach (var (prefix, make, ok) in new (string, Func<int, AbiType>, Func<int, bool>)[]
                 {
                     ("uint", AbiType.UInt, n => n is >= 8 and <= 256 && n % 8 == 0),
                     ("int", AbiType.Int, n => n is >= 8 and <= 256 && n % 8 == 0),
                     ("bytes", AbiType.FixedBytes, n => n is >= 1 and <= 32),
                 })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal)
                && name.Length > prefix.Length
                && name[prefix.Length] != '0'
                && int.TryParse(name.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            {
                return ok(size) ? make(size) : throw Error(text, pos, $"'{name}' has an invalid size", paramName);
            }
        }

        throw Error(text, pos, name.Length == 0 ? "expected a type" : $"unknown type '{name}'", paramName);
    }

    private static void SkipName(string text, ref int pos)
    {
        while (pos < text.Length && IsIdentifierChar(text[pos]))
        {
            pos++;
        }
    }

    private static bool IsIdentifierChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '$';

    private static void SkipSpace(string text, ref int pos)
    {
        while (pos < text.Length && char.IsWhiteSpace(text[pos]))
        {
            pos++;
        }
    }

    private static void Expect(string text, ref int pos, char expected, string paramName)
    {
        if (pos >= text.Length || text[pos] != expected)
        {
            throw Error(text, pos, $"expected '{expected}'", paramName);
        }

        pos++;
    }

    private static EthereumFormatException Error(string text, int pos, string reason, string paramName) =>
        new($"Invalid ABI signature '{text}' at position {pos}: {reason}.", paramName);
}
