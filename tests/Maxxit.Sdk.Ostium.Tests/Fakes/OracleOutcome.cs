using Maxxit.Sdk.Ostium.Contracts;

namespace Maxxit.Sdk.Ostium.Tests.Fakes;

/// <summary>What the fake oracle does with the next market orders.</summary>
/// <param name="Cancel">Cancel with this reason instead of executing.</param>
/// <param name="ExecutionPrice">Execute at this price instead of the requested one.</param>
/// <param name="Silent">Never answer (the order waits for its timeout).</param>
internal sealed record OracleOutcome(OstiumCancelReason? Cancel = null, decimal? ExecutionPrice = null, bool Silent = false);
