using System;

namespace NegLR;

// What the loop evaluates for an optimizer during a step (ITrialEvaluator, ICircuitOracle), counted like the loop's own
// evaluations: one per batch row (and its shots), and a round trip per call unless the call joins the step's start.
internal sealed partial class TrainingLoop<TModel>
{
    private CircuitGeometry? _geometry;

    /// <summary>Counted trial evaluation on the current batch (NLR's Lookahead, backtracking): one round trip.</summary>
    public double EvaluateTrial(ReadOnlySpan<double> parameters)
    {
        if (parameters.Length != _n)
        {
            throw new ArgumentException(Invariant($"A trial needs {_n} parameters, but got {parameters.Length}."), nameof(parameters));
        }

        double loss = BatchLoss(parameters, out double error);
        _trialStandardError = error;
        _lastTrialLoss = loss;
        _roundTrips++;
        return loss;
    }

    public double LossStandardError => _lossStandardError;

    public double TrialStandardError => _trialStandardError;

    public int Rows => _objective.BatchSize;

    public int Outputs => _m;

    public ReadOnlySpan<double> StartOutputs => _outputs;

    public bool LossIsLinear => _objective.IsExpectation;

    public bool IsTrainable(int weight)
    {
        if ((uint)weight >= (uint)_n)
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, Invariant($"The circuit has {_n} weights."));
        }

        return IsTrainableWeight(weight);
    }

    public void EvaluateOutputs(ReadOnlySpan<double> points, Span<double> outputs, bool withStepStart)
    {
        int width = Rows * _m;
        if (_n == 0 || points.Length % _n != 0 || outputs.Length != points.Length / _n * width)
        {
            throw new ArgumentException(Invariant(
                $"Points must be whole parameter vectors of {_n} values, with {width} outputs each; got {points.Length} values and {outputs.Length} outputs."), nameof(points));
        }

        int count = points.Length / _n;
        for (int p = 0; p < count; p++)
        {
            EvaluateBatch(points.Slice(p * _n, _n), outputs.Slice(p * width, width), out _);
        }

        if (!withStepStart)
        {
            _roundTrips++;
        }
    }

    public double Loss(ReadOnlySpan<double> outputs)
    {
        if (outputs.Length != Rows * _m)
        {
            throw new ArgumentException(Invariant($"One point's outputs are {Rows * _m} values (rows × observables), not {outputs.Length}."), nameof(outputs));
        }

        double sum = 0;
        for (int k = 0; k < Rows; k++)
        {
            sum += _objective.SampleLoss(_order[_batchStart + k], outputs.Slice(k * _m, _m), _rowDerivatives);
        }

        return sum / Rows;
    }

    public void MetricTensor(Span<double> metric, bool diagonalOnly)
    {
        if (metric.Length != _n * _n)
        {
            throw new ArgumentException(Invariant($"The metric tensor needs {_n}² = {_n * _n} entries, but the span has {metric.Length}."), nameof(metric));
        }

        RequireStepStart();
        var geometry = _geometry ??= new CircuitGeometry(Structure);
        metric.Clear();
        int batch = Rows;
        for (int k = 0; k < batch; k++)
        {
            var x = _objective.Features(_order[_batchStart + k]);
            geometry.AddMetric(_stepStart, x, _shotsPerEvaluation, _shotRandom, metric, diagonalOnly);
        }

        if (batch > 1)
        {
            for (int i = 0; i < metric.Length; i++)
            {
                metric[i] /= batch;
            }
        }

        long circuits = (long)Structure.LayerCount * batch;
        _evaluations += circuits;
        _shots += circuits * _shotsPerEvaluation;
    }

    public void Fidelities(ReadOnlySpan<double> first, ReadOnlySpan<double> second, Span<double> fidelities, bool withStepStart)
    {
        int count = _n == 0 ? 0 : first.Length / _n;
        if (_n == 0 || first.Length % _n != 0 || second.Length != first.Length || fidelities.Length != count)
        {
            throw new ArgumentException(Invariant(
                $"Fidelities need pairs of whole parameter vectors ({_n} values each) and one result per pair; got {first.Length} and {second.Length} values for {fidelities.Length} results."), nameof(first));
        }

        RequireStepStart();
        var geometry = _geometry ??= new CircuitGeometry(Structure);
        int batch = Rows;
        for (int p = 0; p < count; p++)
        {
            double sum = 0;
            for (int k = 0; k < batch; k++)
            {
                var x = _objective.Features(_order[_batchStart + k]);
                sum += geometry.Fidelity(first.Slice(p * _n, _n), second.Slice(p * _n, _n), x, _shotsPerEvaluation, _shotRandom);
            }

            fidelities[p] = sum / batch;
        }

        long circuits = (long)count * batch;
        _evaluations += circuits;
        _shots += circuits * _shotsPerEvaluation;
        if (!withStepStart)
        {
            _roundTrips++;
        }
    }

    private void RequireStepStart()
    {
        if (_stepStart.Length != _n)
        {
            throw new InvalidOperationException("The metric tensor and fidelities are offered to ICircuitOptimizer steps only.");
        }
    }
}
