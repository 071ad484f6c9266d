using MessagePack;
using Maxxit.Sdk.Hyperliquid.Signing;

namespace Maxxit.Sdk.Hyperliquid.Exchange;

/// <summary>The <c>batchModify</c> action: replace several resting orders at once; one status per modify, in order.</summary>
public sealed class BatchModifyAction : L1Action
{
    /// <summary>Creates a batch-modify action.</summary>
    /// <param name="modifies">At least one modify.</param>
    /// <exception cref="ArgumentException">No modifies were given.</exception>
    public BatchModifyAction(IReadOnlyList<ModifyRequest> modifies)
    {
        ArgumentNullException.ThrowIfNull(modifies);
        if (modifies.Count == 0)
        {
            throw new ArgumentException("A batch modify needs at least one modify.", nameof(modifies));
        }

        Modifies = modifies;
    }

    /// <inheritdoc />
    public override string Type => "batchModify";

    /// <summary>The modifies.</summary>
    public IReadOnlyList<ModifyRequest> Modifies { get; }

    /// <inheritdoc />
    internal override int BatchLength => Modifies.Count;

    /// <inheritdoc />
    public override void WriteTo(ref MessagePackWriter writer)
    {
        writer.WriteMapHeader(2);
        writer.Write("type");
        writer.Write(Type);
        writer.Write("modifies");
        writer.WriteArrayHeader(Modifies.Count);
        foreach (var modify in Modifies)
        {
            writer.WriteMapHeader(2);
            writer.Write("oid");
            modify.Order.WriteTo(ref writer);
            writer.Write("order");
            modify.Replacement.WriteTo(ref writer);
        }
    }
}
