using System.Diagnostics.Metrics;
using Examens.Core.Telemetrie;
using Microsoft.Extensions.Options;

namespace Examens.Web.Infrastructure.Admission;

/// <summary>
/// The node's gate: a bounded number of requests in progress and two bounded queues. Candidates already admitted
/// have their own lane: they may use <see cref="OptionsAdmission.PlacesReservees"/> places newcomers never get, and a
/// freed place goes to them first. Within a lane, first come, first served.
/// </summary>
/// <remarks>
/// One lock guards the counts and both queues, so a place is handed over exactly once: either the waiter is still
/// queued and gives up (timeout, client gone), or the place was already given to it and it must use and free it.
/// ConcurrencyLimiter has no shared pool with a reserved share, hence this small gate.
/// </remarks>
public sealed class PorteAdmission
{
    private readonly Lock _verrou = new();
    private readonly LinkedList<TaskCompletionSource<bool>> _admis = new();
    private readonly LinkedList<TaskCompletionSource<bool>> _nouveaux = new();
    private readonly int _capacite;
    private readonly int _capaciteAdmis;
    private readonly int _fileMaximale;
    private readonly TimeProvider _horloge;
    private int _enCours;

    public PorteAdmission(IOptions<OptionsAdmission> options, TimeProvider horloge, IMeterFactory mesures)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(horloge);
        ArgumentNullException.ThrowIfNull(mesures);
        var o = options.Value;
        if (o.Erreur() is { } erreur)
        {
            throw new OptionsValidationException(OptionsAdmission.Section, typeof(OptionsAdmission), [erreur]);
        }

        _capacite = o.RequetesSimultanees;
        _capaciteAdmis = o.RequetesSimultanees + o.PlacesReservees;
        _fileMaximale = o.FileAttente;
        _horloge = horloge;
        var meter = mesures.Create(MesuresExamens.NomMeter);
        meter.CreateObservableGauge("examens.admission.file_attente", () => EnAttente, "{requete}", "Requêtes en attente d'une place sur ce nœud.");
        meter.CreateObservableGauge("examens.admission.en_cours", () => EnCours, "{requete}", "Requêtes en cours de traitement sur ce nœud.");
    }

    public int EnCours
    {
        get
        {
            lock (_verrou)
            {
                return _enCours;
            }
        }
    }

    public int EnAttente
    {
        get
        {
            lock (_verrou)
            {
                return _admis.Count + _nouveaux.Count;
            }
        }
    }

    /// <summary>
    /// A place, at once or after waiting at most <paramref name="attenteMaximale"/> (by the injected clock); null when
    /// the node cannot take the request in time or <paramref name="annulation"/> fires first. The place must be disposed.
    /// </summary>
    public async Task<PlaceAdmission?> EntrerAsync(bool dejaAdmis, TimeSpan attenteMaximale, CancellationToken annulation)
    {
        LinkedListNode<TaskCompletionSource<bool>> attente;
        lock (_verrou)
        {
            var file = dejaAdmis ? _admis : _nouveaux;
            if (file.Count == 0 && _enCours < (dejaAdmis ? _capaciteAdmis : _capacite))
            {
                _enCours++;
                return new PlaceAdmission(this);
            }

            if (file.Count >= _fileMaximale || attenteMaximale <= TimeSpan.Zero || annulation.IsCancellationRequested)
            {
                return null;
            }

            // Completed under the lock by Liberer: continuations must not run there.
            attente = file.AddLast(new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        using var delai = new CancellationTokenSource(attenteMaximale, _horloge);
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(delai.Token, annulation);
        using var inscrit = abandon.Token.Register(() => Abandonner(attente));
        return await attente.Value.Task.ConfigureAwait(false) ? new PlaceAdmission(this) : null;
    }

    /// <summary>Gives up waiting, unless the place was already handed over: then the waiter keeps it.</summary>
    private void Abandonner(LinkedListNode<TaskCompletionSource<bool>> attente)
    {
        lock (_verrou)
        {
            if (attente.List is { } file)
            {
                file.Remove(attente);
                attente.Value.TrySetResult(false);
            }
        }
    }

    /// <summary>Frees a place and hands the free places over: the already admitted first, then newcomers.</summary>
    internal void Liberer()
    {
        lock (_verrou)
        {
            _enCours--;
            while (_enCours < _capaciteAdmis && _admis.First is { } premier)
            {
                _admis.RemoveFirst();
                _enCours++;
                premier.Value.TrySetResult(true);
            }

            while (_enCours < _capacite && _nouveaux.First is { } nouveau)
            {
                _nouveaux.RemoveFirst();
                _enCours++;
                nouveau.Value.TrySetResult(true);
            }
        }
    }
}
