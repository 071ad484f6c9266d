namespace Maxxit.Sample.Api.Dtos;

/// <summary>Answer of deploy and of the policy update: <c>{success, deployment}</c>.</summary>
public sealed record DeploymentResponse(bool Success, DeploymentDto Deployment);
