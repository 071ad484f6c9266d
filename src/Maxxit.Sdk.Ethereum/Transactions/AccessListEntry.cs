using Maxxit.Sdk.Ethereum.Rlp;

namespace Maxxit.Sdk.Ethereum.Transactions;

/// <summary>One EIP-2930 access-list entry: a contract address and the storage slots it pre-warms.</summary>
public sealed class AccessListEntry : IEquatable<AccessListEntry>
{
    private readonly byte[][] _storageKeys;

    /// <summary>Creates an entry.</summary>
    /// <param name="address">The contract address.</param>
    /// <param name="storageKeys">Storage slots, each exactly 32 bytes (copied).</param>
    /// <exception cref="EthereumFormatException">A storage key is not 32 bytes.</exception>
    public AccessListEntry(EthereumAddress address, IEnumerable<byte[]>? storageKeys = null)
    {
        Address = address;
        _storageKeys = (storageKeys ?? []).Select((key, i) =>
        {
            if (key is null || key.Length != 32)
            {
                throw new EthereumFormatException($"Storage key {i} must be 32 bytes.", nameof(storageKeys));
            }

            return key.ToArray();
        }).ToArray();
    }

    /// <summary>The contract address.</summary>
    public EthereumAddress Address { get; }

    /// <summary>The storage slots (32 bytes each).</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> StorageKeys => _storageKeys.Select(k => (ReadOnlyMemory<byte>)k).ToArray();

    /// <inheritdoc />
    public bool Equals(AccessListEntry? other) =>
        other is not null
        && Address == other.Address
        && _storageKeys.Length == other._storageKeys.Length
        && _storageKeys.Zip(other._storageKeys).All(p => p.First.AsSpan().SequenceEqual(p.Second));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as AccessListEntry);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Address, _storageKeys.Length);

    internal RlpItem ToRlp() =>
        RlpItem.List(RlpItem.FromAddress(Address), RlpItem.List(_storageKeys.Select(k => RlpItem.FromBytes(k))));

    internal static AccessListEntry FromRlp(RlpItem item, int index)
    {
        var field = $"accessList[{index}]";
        if (!item.IsList || item.Items.Count != 2 || !item.Items[1].IsList)
        {
            throw new EthereumFormatException("An access-list entry must be [address, [storageKey, ...]].", field);
        }

        var keys = item.Items[1].Items.Select((k, i) => k.IsList || k.Bytes.Length != 32
            ? throw new EthereumFormatException($"Storage key {i} must be a 32-byte string.", field)
            : k.Bytes.ToArray());
        return new AccessListEntry(item.Items[0].ToAddress(field), keys);
    }
}
