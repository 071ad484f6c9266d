using Maxxit.Sdk.Ethereum.Hashing;

namespace Maxxit.Sdk.Ethereum.TypedData;

/// <summary>
/// An EIP-712 struct type given by its full <c>encodeType</c> string, e.g.
/// <c>Mail(Person from,Person to,string contents)Person(string name,address wallet)</c>
/// (the primary type first, then referenced struct types sorted by name, as EIP-712 specifies).
/// Build one per type and reuse it: the type hash is computed once.
/// </summary>
public sealed class Eip712Type
{
    private readonly byte[] _typeHash;

    /// <summary>Parses the encode-type string and computes its type hash.</summary>
    /// <param name="encodeType">The <c>encodeType</c> string; the primary type's members are taken from the first parenthesised list.</param>
    /// <exception cref="EthereumFormatException">The string is not of the form <c>Name(type name,...)...</c>.</exception>
    public Eip712Type(string encodeType)
    {
        ArgumentNullException.ThrowIfNull(encodeType);
        var open = encodeType.IndexOf('(', StringComparison.Ordinal);
        var close = encodeType.IndexOf(')', StringComparison.Ordinal);
        if (open <= 0 || close < open)
        {
            throw new EthereumFormatException("Expected 'Name(type name,...)'.", nameof(encodeType));
        }

        Name = encodeType[..open];
        var members = encodeType[(open + 1)..close];
        var fields = new List<Eip712Field>();
        if (members.Length > 0)
        {
            foreach (var member in members.Split(','))
            {
                var space = member.IndexOf(' ', StringComparison.Ordinal);
                if (space <= 0 || space == member.Length - 1 || member.IndexOf(' ', space + 1) >= 0)
                {
                    throw new EthereumFormatException($"Member '{member}' of '{Name}' is not 'type name'.", nameof(encodeType));
                }

                fields.Add(new Eip712Field(member[..space], member[(space + 1)..]));
            }
        }

        EncodeType = encodeType;
        Fields = fields;
        _typeHash = Keccak256.HashUtf8(encodeType);
    }

    /// <summary>The primary type's name, e.g. <c>Mail</c> or <c>HyperliquidTransaction:ApproveAgent</c>.</summary>
    public string Name { get; }

    /// <summary>The full encode-type string.</summary>
    public string EncodeType { get; }

    /// <summary>The primary type's members in declaration order.</summary>
    public IReadOnlyList<Eip712Field> Fields { get; }

    /// <summary><c>keccak256(encodeType)</c>.</summary>
    public ReadOnlySpan<byte> TypeHash => _typeHash;

    /// <summary>Starts encoding one value of this type.</summary>
    /// <returns>A builder that takes the members in declaration order.</returns>
    public Eip712StructBuilder CreateBuilder() => new(this);

    /// <inheritdoc />
    public override string ToString() => EncodeType;
}
