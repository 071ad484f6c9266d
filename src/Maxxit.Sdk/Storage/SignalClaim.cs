using Maxxit.Sdk.Signals;

namespace Maxxit.Sdk.Storage;

/// <summary>The result of <see cref="IExecutionStore.ClaimSignalWithReservationsAsync"/>: the claimed signal and one result per reservation, in order.</summary>
/// <param name="Signal">The signal, now EXECUTING under this claim's fence.</param>
/// <param name="Reservations">One result per reservation: <see cref="ReservationStatus.Reserved"/>, or <see cref="ReservationStatus.Existing"/> with the position found.</param>
public sealed record SignalClaim(Signal Signal, IReadOnlyList<ReservationResult> Reservations);
