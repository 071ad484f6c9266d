namespace Maxxit.Sdk.Policies;

/// <summary>Checks a policy before it is stored.</summary>
public interface IPolicyValidator
{
    /// <summary>Throws <see cref="Errors.MaxxitValidationException"/> naming the first bad field.</summary>
    void Validate(DeploymentPolicy policy);
}
