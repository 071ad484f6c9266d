namespace Maxxit.Sample.Api.Dashboard.Dtos;

/// <summary>The position monitor of this host.</summary>
/// <param name="Running">Whether this host runs it (<c>AddPositionMonitor()</c>).</param>
/// <param name="LastReconciliationAt">When it last reconciled with the venues, or null.</param>
/// <param name="AccountsChecked">Accounts checked by that reconciliation.</param>
/// <param name="Mismatches">Mismatches it found.</param>
/// <param name="ClosedExternally">Positions it found closed outside the SDK.</param>
/// <param name="NeedsReconciliation">Positions now waiting for an operator (NEEDS_RECONCILIATION).</param>
public sealed record MonitorStatusView(bool Running, DateTimeOffset? LastReconciliationAt, int? AccountsChecked, int? Mismatches, int? ClosedExternally, int NeedsReconciliation);
