namespace Maxxit.Sdk.Positions;

/// <summary>What one reconciliation found.</summary>
/// <param name="At">When it ran.</param>
/// <param name="AccountsChecked">(deployment, venue) accounts compared.</param>
/// <param name="Matched">Markets where the store and the venue agree.</param>
/// <param name="ClosedExternally">Positions the venue no longer holds, now CLOSED with reason EXTERNAL.</param>
/// <param name="Mismatches">Differences not explained, left as they are.</param>
public sealed record ReconciliationReport(
    DateTimeOffset At,
    int AccountsChecked,
    int Matched,
    IReadOnlyList<Position> ClosedExternally,
    IReadOnlyList<ReconciliationMismatch> Mismatches);
