namespace NegLR.Generator;

/// <summary>Names of the pipeline steps, so tests can check each one is cached across edits.</summary>
public static class TrackingNames
{
    /// <summary>[Ansatz] declarations read into <c>AnsatzDeclaration</c> models (runs on every compilation; must stay cheap).</summary>
    public const string AnsatzDeclarations = nameof(AnsatzDeclarations);

    /// <summary>Declarations built into <c>AnsatzSpec</c> models: the body run, the light cones (only when a declaration changed).</summary>
    public const string AnsatzSpecs = nameof(AnsatzSpecs);

    /// <summary>Specs with their noise resolved: the device profile found and read, the model checked (ideal specs pass through).</summary>
    public const string AnsatzNoise = nameof(AnsatzNoise);

    /// <summary>Each <c>.json</c> AdditionalFiles item read as a candidate device profile (keyed by path and content).</summary>
    public const string NoiseProfileFiles = nameof(NoiseProfileFiles);

    /// <summary>
    /// Types carrying an optimizer attribute ([Adam], [NegativeLearningRate], [CosineSchedule], …) read into
    /// <c>OptimizerModel</c>s; null for every attribute but the one that owns the type's file.
    /// </summary>
    public const string OptimizerDeclarations = nameof(OptimizerDeclarations);

    /// <summary>The owning declarations only: one <c>OptimizerModel</c> per optimizer type.</summary>
    public const string OptimizerModels = nameof(OptimizerModels);
}
