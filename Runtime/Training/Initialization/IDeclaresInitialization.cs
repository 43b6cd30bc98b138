namespace NegLR;

/// <summary>
/// An optimizer that carries an initialization strategy (a generated optimizer declared with
/// <c>[UniformInitialization]</c>, <c>[GaussianInitialization]</c> or <c>[IdentityBlockInitialization]</c>):
/// <see cref="TrainerBase.InitialWeights"/> uses it when no strategy is passed.
/// </summary>
public interface IDeclaresInitialization
{
    /// <summary>The declared strategy.</summary>
    IWeightInitializer Initialization { get; }
}
