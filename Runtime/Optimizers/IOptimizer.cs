using System;

namespace NegLR;

/// <summary>
/// What the trainer drives: one step from the gradient (and loss) at the current parameters. Plain gradient methods
/// implement <see cref="IGradientOptimizer"/>; <see cref="NegativeLearningRate"/> wraps one of them and may flip the
/// step's sign. Every optimizer is an ordinary object whose state can be saved and restored bit for bit, and a source
/// generator can emit a specialised implementation of this interface.
/// </summary>
public interface IOptimizer
{
    /// <summary>Name as users know it (<c>Adam</c>, <c>SGD</c>, <c>NLR(Adam)</c>, …).</summary>
    string Name { get; }

    /// <summary>Number of parameters the optimizer was made for.</summary>
    int ParameterCount { get; }

    /// <summary>Steps taken since construction or <see cref="Reset"/>.</summary>
    long StepCount { get; }

    /// <summary>
    /// Most trial loss evaluations one <see cref="Step(Span{double}, ReadOnlySpan{double}, double, ITrialEvaluator?)"/>
    /// can ask for (1 for NLR's Lookahead policy, 0 otherwise). A trainer reserves their cost before the step.
    /// </summary>
    int MaxTrialEvaluationsPerStep { get; }

    /// <summary>
    /// Updates <paramref name="parameters"/> in place from <paramref name="gradient"/> and the loss at those parameters.
    /// </summary>
    /// <param name="parameters">θ, updated in place.</param>
    /// <param name="gradient">∇L(θ) (exact or estimated).</param>
    /// <param name="loss">L(θ); policies that compare losses use it, plain optimizers ignore it.</param>
    /// <param name="trial">Evaluates the loss at other parameters (NLR's Lookahead trial step); may be null for
    /// optimizers whose <see cref="MaxTrialEvaluationsPerStep"/> is 0.</param>
    /// <returns>The step's phase and signed learning rate.</returns>
    OptimizerStep Step(Span<double> parameters, ReadOnlySpan<double> gradient, double loss, ITrialEvaluator? trial);

    /// <summary>Forgets all state, as if freshly made.</summary>
    void Reset();

    /// <summary>Writes the full state (moments, counters, random generators) so <see cref="RestoreState"/> continues bit-identically.</summary>
    void SaveState(CheckpointWriter writer);

    /// <summary>Restores a state written by <see cref="SaveState"/> on an optimizer of the same kind and size.</summary>
    /// <exception cref="CheckpointException">The data is corrupt or belongs to another optimizer or size.</exception>
    void RestoreState(CheckpointReader reader);
}
