namespace NegLR.Generator;

/// <summary>Names of the pipeline steps, so tests can check each one is cached across edits.</summary>
public static class TrackingNames
{
    /// <summary>[Ansatz] declarations read into <c>AnsatzSpec</c> models.</summary>
    public const string AnsatzSpecs = nameof(AnsatzSpecs);
}
