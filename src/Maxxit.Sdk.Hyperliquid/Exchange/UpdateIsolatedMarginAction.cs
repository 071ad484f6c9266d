using MessagePack;
using Maxxit.Sdk.Hyperliquid.Signing;

namespace Maxxit.Sdk.Hyperliquid.Exchange;

/// <summary>
/// The <c>updateIsolatedMargin</c> action: add margin to (positive) or remove it from (negative) an isolated position.
/// The amount is sent as <c>ntli</c>, an integer number of micro-USDC (USD × 10^6).
/// </summary>
public sealed class UpdateIsolatedMarginAction : L1Action
{
    /// <summary>Creates the action.</summary>
    /// <param name="asset">The asset index.</param>
    /// <param name="amountUsd">USD to add (positive) or remove (negative); at most 6 decimals, not 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">The amount is 0 or has more than 6 decimals.</exception>
    public UpdateIsolatedMarginAction(int asset, decimal amountUsd)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(asset);
        var micro = amountUsd * 1_000_000m;
        if (amountUsd == 0m || decimal.Truncate(micro) != micro)
        {
            throw new ArgumentOutOfRangeException(nameof(amountUsd), amountUsd, "The amount must be non-zero with at most 6 decimals.");
        }

        Asset = asset;
        AmountUsd = amountUsd;
        Ntli = (long)micro;
    }

    /// <inheritdoc />
    public override string Type => "updateIsolatedMargin";

    /// <summary>The asset index.</summary>
    public int Asset { get; }

    /// <summary>The amount in USD.</summary>
    public decimal AmountUsd { get; }

    /// <summary>The amount as sent: micro-USDC.</summary>
    public long Ntli { get; }

    /// <inheritdoc />
    public override void WriteTo(ref MessagePackWriter writer)
    {
        // As the official SDK sends it: isBuy is always true; the sign of ntli says add or remove.
        writer.WriteMapHeader(4);
        writer.Write("type");
        writer.Write(Type);
        writer.Write("asset");
        writer.Write(Asset);
        writer.Write("isBuy");
        writer.Write(true);
        writer.Write("ntli");
        writer.Write(Ntli);
    }
}
