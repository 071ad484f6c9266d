using MessagePack;
using Maxxit.Sdk.Hyperliquid.Signing;

namespace Maxxit.Sdk.Hyperliquid.Exchange;

/// <summary>The <c>updateLeverage</c> action: set an asset's leverage and margin mode for the account.</summary>
public sealed class UpdateLeverageAction : L1Action
{
    /// <summary>Creates an update-leverage action.</summary>
    /// <param name="asset">The asset index.</param>
    /// <param name="leverage">The leverage, at least 1.</param>
    /// <param name="isCross">Cross margin (true) or isolated (false).</param>
    public UpdateLeverageAction(int asset, int leverage, bool isCross = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(asset);
        ArgumentOutOfRangeException.ThrowIfLessThan(leverage, 1);
        Asset = asset;
        Leverage = leverage;
        IsCross = isCross;
    }

    /// <inheritdoc />
    public override string Type => "updateLeverage";

    /// <summary>The asset index.</summary>
    public int Asset { get; }

    /// <summary>The leverage.</summary>
    public int Leverage { get; }

    /// <summary>Cross margin (true) or isolated (false).</summary>
    public bool IsCross { get; }

    /// <inheritdoc />
    internal override bool SafeToRepeat => true;

    /// <inheritdoc />
    public override void WriteTo(ref MessagePackWriter writer)
    {
        writer.WriteMapHeader(4);
        writer.Write("type");
        writer.Write(Type);
        writer.Write("asset");
        writer.Write(Asset);
        writer.Write("isCross");
        writer.Write(IsCross);
        writer.Write("leverage");
        writer.Write(Leverage);
    }
}
