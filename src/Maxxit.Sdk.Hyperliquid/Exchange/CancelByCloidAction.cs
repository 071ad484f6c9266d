using MessagePack;
using Maxxit.Sdk.Hyperliquid.Signing;

namespace Maxxit.Sdk.Hyperliquid.Exchange;

/// <summary>The <c>cancelByCloid</c> action: cancel orders by client order id.</summary>
public sealed class CancelByCloidAction : L1Action
{
    /// <summary>Creates a cancel-by-cloid action.</summary>
    /// <param name="cancels">At least one cancel.</param>
    public CancelByCloidAction(IReadOnlyList<CancelByCloidRequest> cancels)
    {
        ArgumentNullException.ThrowIfNull(cancels);
        if (cancels.Count == 0)
        {
            throw new ArgumentException("A cancel action needs at least one cancel.", nameof(cancels));
        }

        Cancels = cancels;
    }

    /// <inheritdoc />
    public override string Type => "cancelByCloid";

    /// <summary>The cancels.</summary>
    public IReadOnlyList<CancelByCloidRequest> Cancels { get; }

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
            // Unlike "cancel", this action spells the asset field out.
            writer.WriteMapHeader(2);
            writer.Write("asset");
            writer.Write(cancel.Asset);
            writer.Write("cloid");
            writer.Write(cancel.ClientOrderId.ToString());
        }
    }
}
