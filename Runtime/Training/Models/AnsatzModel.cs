using System;
using System.Numerics;

namespace NegLR;

/// <summary>
/// A generated <see cref="IAnsatz"/>: exact values, adjoint gradients and shot estimates run its specialised code.
/// Parameter shift needs each gate's angle separately, which the generated members do not expose, so those gradients run
/// the interpreter on <see cref="IAnsatz.CreateCircuit"/> (the same circuit, by the generator's own tests).
/// </summary>
internal readonly struct AnsatzModel<TAnsatz> : IExpectationModel
    where TAnsatz : IAnsatz
{
    private readonly Complex[] _state;
    private readonly Complex[] _adjoint;
    private readonly InterpreterModel _shift;
    private readonly ShotEstimator _estimator;
    private readonly ShotWorkspace? _shotWorkspace;

    public AnsatzModel(bool shots)
    {
        _state = new Complex[TAnsatz.StateLength];
        _adjoint = new Complex[TAnsatz.StateLength];
        _shift = new InterpreterModel(new CircuitInterpreter(TAnsatz.CreateCircuit()), TAnsatz.Cost, shots);
        _estimator = new ShotEstimator(TAnsatz.Cost, TAnsatz.Qubits);
        _shotWorkspace = shots ? _estimator.CreateWorkspace() : null;
    }

    public int WeightCount => TAnsatz.WeightCount;

    public int InputCount => TAnsatz.InputCount;

    public int ParameterShiftRuns => _shift.ParameterShiftRuns;

    public int MinimumShots => _estimator.MinimumShots;

    public double Evaluate(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs) => TAnsatz.Evaluate(weights, inputs, _state);

    public double EvaluateWithGradient(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, Span<double> gradient) =>
        TAnsatz.EvaluateWithGradient(weights, inputs, gradient, _state, _adjoint);

    public double ParameterShiftGradient(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, Span<double> gradient) =>
        _shift.ParameterShiftGradient(weights, inputs, gradient);

    public ShotEstimate EvaluateWithShots(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, int shots, SeededRandom random)
    {
        TAnsatz.Prepare(weights, inputs, _state);
        return _estimator.Estimate(_state, shots, random, _shotWorkspace!);
    }

    public long ParameterShiftGradientWithShots(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, int shots, SeededRandom random,
        Span<double> gradient) =>
        _shift.ParameterShiftGradientWithShots(weights, inputs, shots, random, gradient);
}
