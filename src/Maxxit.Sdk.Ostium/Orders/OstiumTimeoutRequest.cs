using System.Numerics;
using Maxxit.Sdk.Agents;

namespace Maxxit.Sdk.Ostium.Orders;

/// <summary>An order a fate check found past the contract's timeout, to be released by its timeout call.</summary>
internal sealed record OstiumTimeoutRequest(AgentDeployment Deployment, BigInteger OrderId, bool IsClose);
