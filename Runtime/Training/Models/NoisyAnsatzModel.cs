using System;

namespace NegLR;

/// <summary>
/// A generated noisy ansatz as the training loop's model: every estimate runs on its <see cref="NoisyAnsatzRuntime"/>
/// — exact values and adjoint gradients on the cost's light-cone segments, parameter shift and shot estimates on the
/// whole noisy circuit with its readout error — so no path of <see cref="Trainer{TAnsatz}"/> falls back to the
/// noise-free gates (a silent wrong answer) or to a state vector (which cannot hold the channels).
/// </summary>
internal readonly struct NoisyAnsatzModel : IExpectationModel
{
    private readonly NoisyAnsatzRuntime _runtime;
    private readonly NoisyAnsatzWorkspace _workspace;

    public NoisyAnsatzModel(NoisyAnsatzRuntime runtime)
    {
        _runtime = runtime;
        _workspace = runtime.CreateWorkspace();
        ParameterShiftRuns = runtime.DensityMatrix.ParameterShiftEvaluations();
    }

    public int WeightCount => _runtime.WeightCount;

    public int InputCount => _runtime.InputCount;

    public int ParameterShiftRuns { get; }

    public int MinimumShots => _runtime.CostEstimator.MinimumShots;

    public double Evaluate(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs) => _runtime.Evaluate(weights, inputs, _workspace);

    public double EvaluateWithGradient(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, Span<double> gradient) =>
        _runtime.EvaluateWithGradient(weights, inputs, gradient, _workspace);

    public double ParameterShiftGradient(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, Span<double> gradient) =>
        _runtime.ParameterShiftGradient(weights, inputs, gradient, _workspace);

    public ShotEstimate EvaluateWithShots(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, int shots, SeededRandom random) =>
        _runtime.EvaluateWithShots(weights, inputs, shots, random, _workspace);

    public long ParameterShiftGradientWithShots(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, int shots, SeededRandom random,
        Span<double> gradient) =>
        // Each shifted circuit sampled on the whole noisy circuit with the runtime's own estimator and density workspace.
        _runtime.DensityMatrix.ParameterShiftGradientWithShots(weights, inputs, _runtime.CostEstimator, shots, random, gradient, _workspace.Density);
}
