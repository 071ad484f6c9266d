namespace Maxxit.Sdk.Positions;

/// <summary>The wire names of <see cref="CloseReason"/> as the original API writes them (TRAILING_STOP, STOP_LOSS, …).</summary>
public static class CloseReasonNames
{
    /// <summary>The reason's upper-case name, e.g. <c>TRAILING_STOP</c>.</summary>
    public static string ToName(this CloseReason reason) => reason switch
    {
        CloseReason.TrailingStop => "TRAILING_STOP",
        CloseReason.StopLoss => "STOP_LOSS",
        CloseReason.TakeProfit => "TAKE_PROFIT",
        CloseReason.Manual => "MANUAL",
        CloseReason.External => "EXTERNAL",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "unknown close reason"),
    };
}
