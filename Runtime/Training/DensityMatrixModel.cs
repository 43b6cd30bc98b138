using System;

namespace NegLR;

/// <summary>
/// A noisy circuit run by the <see cref="DensityMatrixSimulator"/>, as the training loop's model: exact expectations
/// and adjoint gradients through the channels, and shot estimates through the readout error (optionally mitigated).
/// </summary>
internal readonly struct DensityMatrixModel : IExpectationModel
{
    private readonly DensityMatrixSimulator _simulator;
    private readonly PauliSum _observable;
    private readonly DensityMatrixWorkspace _workspace;
    private readonly ShotEstimator _estimator;
    private readonly bool _mitigate;

    public DensityMatrixModel(DensityMatrixSimulator simulator, PauliSum observable, bool mitigateReadout)
    {
        _simulator = simulator;
        _observable = observable;
        _workspace = simulator.CreateWorkspace();
        _estimator = new ShotEstimator(observable, simulator.Qubits);
        _mitigate = mitigateReadout && simulator.Readout is not null;
        ParameterShiftRuns = simulator.ParameterShiftEvaluations();
    }

    public int WeightCount => _simulator.WeightCount;

    public int InputCount => _simulator.InputCount;

    public int ParameterShiftRuns { get; }

    public int MinimumShots => _estimator.MinimumShots;

    public double Evaluate(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs) =>
        _simulator.Evaluate(weights, inputs, _observable, _workspace);

    public double EvaluateWithGradient(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, Span<double> gradient) =>
        _simulator.EvaluateWithGradient(weights, inputs, _observable, gradient, _workspace);

    public double ParameterShiftGradient(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, Span<double> gradient) =>
        _simulator.ParameterShiftGradient(weights, inputs, _observable, gradient, _workspace);

    public ShotEstimate EvaluateWithShots(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, int shots, SeededRandom random)
    {
        if (!_mitigate)
        {
            return _simulator.EvaluateWithShots(weights, inputs, _estimator, shots, random, _workspace);
        }

        var m = _simulator.EvaluateWithShotsMitigated(weights, inputs, _estimator, shots, random, _workspace);
        return new ShotEstimate(m.Value, m.StandardError, m.Shots);
    }

    public long ParameterShiftGradientWithShots(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, int shots, SeededRandom random,
        Span<double> gradient) =>
        _simulator.ParameterShiftGradientWithShots(weights, inputs, _estimator, shots, random, gradient, _workspace);
}
