namespace Maxxit.Sample.Api.Dashboard.Dtos;

/// <summary>The answer of <c>GET /api/v3/dashboard</c>, shaped like the other /api/v3 answers.</summary>
/// <param name="Success">Always true (errors answer the API's error shape).</param>
/// <param name="Version">"V3".</param>
/// <param name="Dashboard">The snapshot.</param>
public sealed record DashboardResponse(bool Success, string Version, DashboardSnapshot Dashboard);
