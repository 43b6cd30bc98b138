using System;

namespace NegLR;

// Losses and gradients on the current batch, and their cost. Every circuit run is counted where it happens, so the
// counters are what the step really spent.
internal sealed partial class TrainingLoop<TModel>
{
    /// <summary>The exact loss over every row (not counted): reporting only.</summary>
    public double ExactLoss(ReadOnlySpan<double> parameters)
    {
        if (parameters.Length != _n)
        {
            throw new ArgumentException(Invariant($"The circuit has {_n} weights, but {parameters.Length} parameters were given."), nameof(parameters));
        }

        double sum = 0;
        for (int row = 0; row < _objective.SampleCount; row++)
        {
            double f = _model.Evaluate(parameters, _objective.Features(row));
            sum += _objective.SampleLoss(row, f, out _);
        }

        return sum / _objective.SampleCount;
    }

    /// <summary>The batch loss and gradient at <paramref name="parameters"/> by the resolved method.</summary>
    private double LossAndGradient(ReadOnlySpan<double> parameters, Span<double> gradient) => Method switch
    {
        GradientMethod.FiniteDifference => FiniteDifference(parameters, gradient),
        GradientMethod.Spsa => SpsaEstimate(parameters, gradient),
        _ => ChainRule(parameters, gradient),
    };

    /// <summary>
    /// Per-row gradients of f = ⟨O⟩ (adjoint or parameter shift, exact or from shots), combined by the chain rule:
    /// ∇L = (1/B) Σ ℓ'(f_i) ∇f_i. For an expectation objective (B = 1, ℓ' = 1) this is ∇⟨O⟩ to the bit.
    /// </summary>
    private double ChainRule(ReadOnlySpan<double> parameters, Span<double> gradient)
    {
        gradient.Clear();
        int batch = _objective.BatchSize;
        double sum = 0;
        for (int k = 0; k < batch; k++)
        {
            int row = _order[_batchStart + k];
            var x = _objective.Features(row);
            double f;
            if (_shotsPerEvaluation == 0)
            {
                if (Method == GradientMethod.Adjoint)
                {
                    f = _model.EvaluateWithGradient(parameters, x, _sampleGradient);
                    _evaluations += _options.AdjointEvaluationCost;
                }
                else
                {
                    f = _model.ParameterShiftGradient(parameters, x, _sampleGradient);
                    _evaluations += _model.ParameterShiftRuns + 1;
                }
            }
            else
            {
                var estimate = _model.EvaluateWithShots(parameters, x, _shotsPerEvaluation, _shotRandom);
                f = estimate.Value;
                _shots += estimate.Shots;
                _shots += _model.ParameterShiftGradientWithShots(parameters, x, _shotsPerEvaluation, _shotRandom, _sampleGradient);
                _evaluations += _model.ParameterShiftRuns + 1;
            }

            sum += _objective.SampleLoss(row, f, out double derivative);
            for (int j = 0; j < _n; j++)
            {
                gradient[j] += derivative * _sampleGradient[j];
            }
        }

        for (int j = 0; j < _n; j++)
        {
            gradient[j] /= batch;
        }

        return sum / batch;
    }

    /// <summary>Central differences of the batch loss: 2 runs per weight and row, plus 1 per row for the loss.</summary>
    private double FiniteDifference(ReadOnlySpan<double> parameters, Span<double> gradient)
    {
        double h = _options.FiniteDifferenceStep;
        double loss = BatchLoss(parameters);
        parameters.CopyTo(_shifted);
        for (int j = 0; j < _n; j++)
        {
            _shifted[j] = parameters[j] + h;
            double plus = BatchLoss(_shifted);
            _shifted[j] = parameters[j] - h;
            double minus = BatchLoss(_shifted);
            _shifted[j] = parameters[j];
            gradient[j] = (plus - minus) / (2 * h);
        }

        return loss;
    }

    /// <summary>
    /// SPSA on the batch loss: 2 runs per row. With an <see cref="Spsa"/> optimizer its c_t and generator are used, so the
    /// trainer reproduces <see cref="Spsa.Step(Span{double}, ObjectiveFunction)"/> exactly.
    /// </summary>
    private double SpsaEstimate(ReadOnlySpan<double> parameters, Span<double> gradient)
    {
        double c;
        if (_spsa is not null)
        {
            c = _spsa.Perturbation(_spsa.StepCount);
            _spsa.DrawPerturbation(_delta);
        }
        else
        {
            c = _options.SpsaPerturbation;
            for (int j = 0; j < _n; j++)
            {
                _delta[j] = _spsaRandom.NextSign();
            }
        }

        for (int j = 0; j < _n; j++)
        {
            _shifted[j] = parameters[j] + (c * _delta[j]);
        }

        double plus = BatchLoss(_shifted);
        for (int j = 0; j < _n; j++)
        {
            _shifted[j] = parameters[j] - (c * _delta[j]);
        }

        double minus = BatchLoss(_shifted);
        Spsa.GradientFromDifference(plus, minus, c, _delta, gradient);
        return (plus + minus) / 2;
    }

    /// <summary>The batch loss, exact or from shots; one counted circuit evaluation per row.</summary>
    private double BatchLoss(ReadOnlySpan<double> parameters)
    {
        int batch = _objective.BatchSize;
        double sum = 0;
        for (int k = 0; k < batch; k++)
        {
            int row = _order[_batchStart + k];
            var x = _objective.Features(row);
            double f;
            if (_shotsPerEvaluation == 0)
            {
                f = _model.Evaluate(parameters, x);
            }
            else
            {
                var estimate = _model.EvaluateWithShots(parameters, x, _shotsPerEvaluation, _shotRandom);
                f = estimate.Value;
                _shots += estimate.Shots;
            }

            _evaluations++;
            sum += _objective.SampleLoss(row, f, out _);
        }

        return sum / batch;
    }
}
