using MessagePack;

namespace Maxxit.Sdk.Hyperliquid.Signing;

/// <summary>
/// An action signed with the L1 (phantom agent) scheme. The exchange hashes the MessagePack encoding of the action,
/// so every implementation writes its map fields in exactly the order the exchange uses.
/// </summary>
public abstract class L1Action
{
    /// <summary>The action's <c>type</c> field, e.g. <c>order</c>.</summary>
    public abstract string Type { get; }

    /// <summary>Writes the action as a MessagePack map, fields in the exchange's order.</summary>
    /// <param name="writer">The writer.</param>
    public abstract void WriteTo(ref MessagePackWriter writer);
}
