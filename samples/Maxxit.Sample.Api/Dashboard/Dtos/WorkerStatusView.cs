namespace Maxxit.Sample.Api.Dashboard.Dtos;

/// <summary>The signal worker of this host.</summary>
/// <param name="Running">Whether this host runs it (<c>AddSignalWorker()</c>).</param>
/// <param name="LastCycleAt">When its last cycle started, or null before the first.</param>
/// <param name="LastCycleMs">How long it took, milliseconds.</param>
/// <param name="Cycles">Cycles since this process started.</param>
/// <param name="FailedCycles">Of those, cycles with an error (the whole cycle or one agent).</param>
/// <param name="LastError">The latest error, or null.</param>
/// <param name="LastSignals">Signals stored by the last cycle.</param>
public sealed record WorkerStatusView(bool Running, DateTimeOffset? LastCycleAt, double? LastCycleMs, int Cycles, int FailedCycles, string? LastError, int LastSignals);
