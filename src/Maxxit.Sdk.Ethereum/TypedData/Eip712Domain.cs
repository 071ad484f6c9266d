using System.Numerics;
using System.Text;

namespace Maxxit.Sdk.Ethereum.TypedData;

/// <summary>
/// An EIP-712 domain. Only the fields that are set take part, in the order EIP-712 fixes
/// (name, version, chainId, verifyingContract, salt). The separator is computed once at construction.
/// </summary>
public sealed class Eip712Domain
{
    private readonly byte[] _separator;

    /// <summary>Creates a domain; leave a field <see langword="null"/> to omit it from the type.</summary>
    /// <param name="name">The signing domain's name, e.g. <c>Exchange</c>.</param>
    /// <param name="version">The domain's version, e.g. <c>1</c>.</param>
    /// <param name="chainId">The EIP-155 chain id (non-negative).</param>
    /// <param name="verifyingContract">The contract that verifies signatures.</param>
    /// <param name="salt">A 32-byte disambiguating salt.</param>
    /// <exception cref="EthereumFormatException">The chain id is negative or the salt is not 32 bytes.</exception>
    public Eip712Domain(
        string? name = null,
        string? version = null,
        BigInteger? chainId = null,
        EthereumAddress? verifyingContract = null,
        byte[]? salt = null)
    {
        if (chainId is { Sign: < 0 })
        {
            throw new EthereumFormatException("Chain id must not be negative.", nameof(chainId));
        }

        if (salt is not null && salt.Length != 32)
        {
            throw new EthereumFormatException($"Salt must be 32 bytes but was {salt.Length}.", nameof(salt));
        }

        Name = name;
        Version = version;
        ChainId = chainId;
        VerifyingContract = verifyingContract;
        Salt = salt?.ToArray();

        var members = new List<string>(5);
        if (name is not null)
        {
            members.Add("string name");
        }

        if (version is not null)
        {
            members.Add("string version");
        }

        if (chainId is not null)
        {
            members.Add("uint256 chainId");
        }

        if (verifyingContract is not null)
        {
            members.Add("address verifyingContract");
        }

        if (salt is not null)
        {
            members.Add("bytes32 salt");
        }

        Type = new Eip712Type(new StringBuilder("EIP712Domain(").AppendJoin(',', members).Append(')').ToString());
        var builder = Type.CreateBuilder();
        if (name is not null)
        {
            builder.AddString(name);
        }

        if (version is not null)
        {
            builder.AddString(version);
        }

        if (chainId is { } id)
        {
            builder.AddUInt(id);
        }

        if (verifyingContract is { } contract)
        {
            builder.AddAddress(contract);
        }

        if (salt is not null)
        {
            builder.AddFixedBytes(salt);
        }

        _separator = builder.Hash();
    }

    /// <summary>The domain name, if present.</summary>
    public string? Name { get; }

    /// <summary>The domain version, if present.</summary>
    public string? Version { get; }

    /// <summary>The chain id, if present.</summary>
    public BigInteger? ChainId { get; }

    /// <summary>The verifying contract, if present.</summary>
    public EthereumAddress? VerifyingContract { get; }

    /// <summary>The salt, if present (a copy of what was passed in).</summary>
    public IReadOnlyList<byte>? Salt { get; }

    /// <summary>The <c>EIP712Domain(...)</c> type made of the present fields.</summary>
    public Eip712Type Type { get; }

    /// <summary>The domain separator, <c>hashStruct(domain)</c>.</summary>
    public ReadOnlySpan<byte> Separator => _separator;
}
