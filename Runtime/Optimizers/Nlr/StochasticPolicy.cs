using System;

namespace NegLR;

/// <summary>
/// Each step draws u ~ U[0, 1) from its own seeded generator (one draw every step, inside phases too, so the sequence of
/// draws does not depend on the phases) and requests an ascent phase of K steps when u &lt; p. With K = 1 and no cooldown,
/// each step ascends independently with probability p.
/// </summary>
public sealed class StochasticPolicy : INlrPolicy
{
    private const int StateVersion = 1;

    /// <summary>Creates the policy.</summary>
    /// <param name="probability">p in [0, 1]; default 0.1.</param>
    /// <param name="seed">Seed of the draws.</param>
    public StochasticPolicy(double probability = OptimizerDefaults.StochasticProbability, ulong seed = OptimizerDefaults.StochasticSeed)
    {
        if (!(probability >= 0 && probability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "probability p must lie in [0, 1], e.g. 0.1.");
        }

        Probability = probability;
        Random = new SeededRandom(seed);
    }

    /// <summary>p.</summary>
    public double Probability { get; }

    /// <summary>The generator of the draws.</summary>
    public SeededRandom Random { get; private set; }

    /// <inheritdoc/>
    public NlrPolicy Kind => NlrPolicy.Stochastic;

    /// <inheritdoc/>
    public bool NeedsTrial => false;

    /// <inheritdoc/>
    public int BeforeStep(in NlrContext context) => Random.NextDouble() < Probability ? context.PhaseLength : 0;

    /// <inheritdoc/>
    public int AfterTrial(in NlrContext context, double trialLoss) => 0;

    /// <inheritdoc/>
    public void Reset() => Random = new SeededRandom(Random.Seed);

    /// <inheritdoc/>
    public void SaveState(CheckpointWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteSection("NLR.Stochastic", StateVersion);
        writer.WriteRandom(Random);
    }

    /// <inheritdoc/>
    public void RestoreState(CheckpointReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.ReadSection("NLR.Stochastic", StateVersion);
        reader.ReadRandom(Random, "stochastic policy's generator");
    }
}
