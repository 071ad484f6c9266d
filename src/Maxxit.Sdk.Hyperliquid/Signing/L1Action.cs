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

    /// <summary>The length of the action's array (orders, cancels, modifies) for the IP weight 1 + floor(n / 40); 0 when unbatched.</summary>
    internal virtual int BatchLength => 0;

    /// <summary>
    /// Whether sending the action twice has the effect of sending it once (set leverage, schedule a cancel, cancel), so a
    /// 429 may be retried blindly. Orders and modifies are not: they are retried only after a cloid check.
    /// </summary>
    internal virtual bool SafeToRepeat => false;
}
