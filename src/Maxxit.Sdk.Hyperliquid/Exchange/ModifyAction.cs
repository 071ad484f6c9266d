using MessagePack;
using Maxxit.Sdk.Hyperliquid.Signing;

namespace Maxxit.Sdk.Hyperliquid.Exchange;

/// <summary>The <c>modify</c> action: replace one resting order's price, size or type, keeping its place in the batch.</summary>
public sealed class ModifyAction : L1Action
{
    /// <summary>Creates a modify action.</summary>
    /// <param name="modify">The order and its replacement.</param>
    public ModifyAction(ModifyRequest modify)
    {
        ArgumentNullException.ThrowIfNull(modify);
        ArgumentNullException.ThrowIfNull(modify.Replacement);
        Modify = modify;
    }

    /// <inheritdoc />
    public override string Type => "modify";

    /// <summary>The order and its replacement.</summary>
    public ModifyRequest Modify { get; }

    /// <inheritdoc />
    public override void WriteTo(ref MessagePackWriter writer)
    {
        writer.WriteMapHeader(3);
        writer.Write("type");
        writer.Write(Type);
        writer.Write("oid");
        Modify.Order.WriteTo(ref writer);
        writer.Write("order");
        Modify.Replacement.WriteTo(ref writer);
    }
}
