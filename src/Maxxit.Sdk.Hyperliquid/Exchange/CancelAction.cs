using MessagePack;
using Maxxit.Sdk.Hyperliquid.Signing;

namespace Maxxit.Sdk.Hyperliquid.Exchange;

/// <summary>The <c>cancel</c> action: cancel orders by exchange order id.</summary>
public sealed class CancelAction : L1Action
{
    /// <summary>Creates a cancel action.</summary>
    /// <param name="cancels">At least one cancel.</param>
    public CancelAction(IReadOnlyList<CancelRequest> cancels)
    {
        ArgumentNullException.ThrowIfNull(cancels);
        if (cancels.Count == 0)
        {
            throw new ArgumentException("A cancel action needs at least one cancel.", nameof(cancels));
        }

        Cancels = cancels;
    }

    /// <inheritdoc />
    public override string Type => "cancel";

    /// <summary>The cancels.</summary>
    public IReadOnlyList<CancelRequest> Cancels { get; }

    /// <inheritdoc />
    internal override int BatchLength => Cancels.Count;

    /// <inheritdoc />
    internal override bool SafeToRepeat => true;

    /// <inheritdoc />
    public override void WriteTo(ref MessagePackWriter writer)
    {
        writer.WriteMapHeader(2);
        writer.Write("type");
        writer.Write(Type);
        writer.Write("cancels");
        writer.WriteArrayHeader(Cancels.Count);
        foreach (var cancel in Cancels)
        {
            writer.WriteMapHeader(2);
            writer.Write("a");
            writer.Write(cancel.Asset);
            writer.Write("o");
            writer.Write(cancel.OrderId);
        }
    }
}
