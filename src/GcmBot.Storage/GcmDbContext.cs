using GcmBot.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace GcmBot.Storage;

/// <summary>The model, shared by the SQLite and PostgreSQL contexts (each has its own migrations).</summary>
public abstract class GcmDbContext : DbContext
{
    protected GcmDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<Delegation> Delegations => Set<Delegation>();
    public DbSet<Participant> Participants => Set<Participant>();
    public DbSet<SessionAssignment> Assignments => Set<SessionAssignment>();
    public DbSet<SpeakerEntry> SpeakerEntries => Set<SpeakerEntry>();
    public DbSet<Intervention> Interventions => Set<Intervention>();
    public DbSet<Card> Cards => Set<Card>();
    public DbSet<Contribution> Contributions => Set<Contribution>();
    public DbSet<ChannelBinding> Bindings => Set<ChannelBinding>();
    public DbSet<ProcessedEvent> ProcessedEvents => Set<ProcessedEvent>();
    public DbSet<Notice> Notices => Set<Notice>();
    public DbSet<Allowance> Allowances => Set<Allowance>();
    public DbSet<Draft> Drafts => Set<Draft>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<ApprovedMember> ApprovedMembers => Set<ApprovedMember>();
    internal DbSet<WriteProbe> WriteProbes => Set<WriteProbe>();
    public DbSet<ChatLogEntry> ChatLog => Set<ChatLogEntry>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        foreach (var session in ListChanges())
        {
            if (Sessions.Find(session) is { } changed)
            {
                changed.ListVersion++;
            }
        }

        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        foreach (var session in ListChanges())
        {
            // A missing session fails the save on its foreign key.
            if (await Sessions.FindAsync([session], cancellationToken) is { } changed)
            {
                changed.ListVersion++;
            }
        }

        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>The speaker entries the next save writes; deleted ones are flagged, as they leave the tracker with it.</summary>
    internal List<(SpeakerEntry Entry, bool Deleted)> PendingEntries() =>
        [.. ChangeTracker.Entries<SpeakerEntry>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => (e.Entity, e.State == EntityState.Deleted))];

    /// <summary>The sessions whose speaker entries are about to change: their <see cref="Session.ListVersion"/> goes up with them.</summary>
    private IEnumerable<int> ListChanges() => PendingEntries().Select(e => e.Entry.SessionId).Distinct();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Meeting>(e =>
        {
            e.Property(m => m.Title).HasMaxLength(300);
            e.Property(m => m.Venue).HasMaxLength(300);
            e.Property(m => m.TimeZoneId).HasMaxLength(64);
            e.Property(m => m.DefaultLanguage).HasMaxLength(8);
            e.Ignore(m => m.TimeZone);
        });
        modelBuilder.Entity<Session>(e =>
        {
            e.HasIndex(s => new { s.MeetingId, s.Code }).IsUnique();
            e.Property(s => s.Code).HasMaxLength(32);
            e.Property(s => s.Title).HasMaxLength(300);
            e.Property(s => s.Room).HasMaxLength(100);
            e.HasOne<Meeting>().WithMany().HasForeignKey(s => s.MeetingId);
        });
        modelBuilder.Entity<Delegation>(e =>
        {
            e.HasIndex(d => new { d.MeetingId, d.Name }).IsUnique();
            e.Property(d => d.Name).HasMaxLength(120);
            e.Ignore(d => d.AliasList);
            e.HasOne<Meeting>().WithMany().HasForeignKey(d => d.MeetingId);
            e.HasOne<Participant>().WithMany().HasForeignKey(d => d.FocalPointId);
        });
        modelBuilder.Entity<Participant>(e =>
        {
            e.HasIndex(p => new { p.Channel, p.ExternalId }).IsUnique();
            e.HasIndex(p => p.DelegationId);
            e.Property(p => p.Channel).HasMaxLength(16);
            e.Property(p => p.ExternalId).HasMaxLength(200);
            e.Property(p => p.DisplayName).HasMaxLength(200);
            e.Property(p => p.Language).HasMaxLength(8);
            e.Property(p => p.ChannelLanguage).HasMaxLength(8);
            e.HasOne<Delegation>().WithMany().HasForeignKey(p => p.DelegationId);
            e.HasIndex(p => p.RequestedDelegationId);
            e.HasOne<Delegation>().WithMany().HasForeignKey(p => p.RequestedDelegationId);
        });
        modelBuilder.Entity<ApprovedMember>(e =>
        {
            e.HasIndex(a => new { a.Channel, a.ExternalId, a.DelegationId }).IsUnique();
            e.Property(a => a.Channel).HasMaxLength(16);
            e.Property(a => a.ExternalId).HasMaxLength(200);
            e.HasOne<Delegation>().WithMany().HasForeignKey(a => a.DelegationId);
        });
        modelBuilder.Entity<SessionAssignment>(e =>
        {
            e.HasIndex(a => new { a.ParticipantId, a.SessionId, a.Role }).IsUnique();
            e.HasOne<Session>().WithMany().HasForeignKey(a => a.SessionId);
            e.HasOne<Participant>().WithMany().HasForeignKey(a => a.ParticipantId);
        });
        modelBuilder.Entity<SpeakerEntry>(e =>
        {
            // One waiting place per delegation and kind of request, enforced by the database itself.
            e.HasIndex(s => new { s.SessionId, s.DelegationId, s.Kind }).IsUnique().HasFilter("\"Status\" = 0");
            e.HasIndex(s => new { s.SessionId, s.Status });
            e.HasOne<Session>().WithMany().HasForeignKey(s => s.SessionId);
            e.HasOne<Delegation>().WithMany().HasForeignKey(s => s.DelegationId);
        });
        modelBuilder.Entity<Intervention>(e =>
        {
            e.HasIndex(i => new { i.SessionId, i.DelegationId });
            e.HasOne<Session>().WithMany().HasForeignKey(i => i.SessionId);
        });
        modelBuilder.Entity<Card>(e =>
        {
            e.HasIndex(c => new { c.SessionId, c.DelegationId });
            e.Property(c => c.Recommendation).HasMaxLength(2000);
            e.Property(c => c.Means).HasMaxLength(2000);
            e.Property(c => c.Partnerships).HasMaxLength(2000);
            e.HasOne<Session>().WithMany().HasForeignKey(c => c.SessionId);
            e.HasOne<Delegation>().WithMany().HasForeignKey(c => c.DelegationId);
        });
        modelBuilder.Entity<Contribution>(e =>
        {
            e.HasIndex(c => new { c.Channel, c.MessageId }).IsUnique();
            e.HasIndex(c => c.SessionId);
            e.HasOne<Session>().WithMany().HasForeignKey(c => c.SessionId);
        });
        modelBuilder.Entity<ChannelBinding>(e =>
        {
            e.HasIndex(b => new { b.Channel, b.ConversationId }).IsUnique();
            e.Property(b => b.ConversationId).HasMaxLength(300);
            e.Property(b => b.Language).HasMaxLength(8);
        });
        modelBuilder.Entity<Notice>(e =>
        {
            // The sweep asks for pending notices by due time.
            e.HasIndex(n => new { n.FiredAt, n.CancelledAt, n.DueAt });
            e.HasIndex(n => new { n.SessionId, n.InterventionId });
        });
        modelBuilder.Entity<Allowance>(e =>
        {
            e.HasIndex(a => new { a.SessionId, a.DelegationId }).IsUnique();
            e.HasOne<Session>().WithMany().HasForeignKey(a => a.SessionId);
            e.HasOne<Delegation>().WithMany().HasForeignKey(a => a.DelegationId);
        });
        modelBuilder.Entity<Draft>(e =>
        {
            // One draft per session: regenerating or editing replaces it in place.
            e.HasIndex(d => d.SessionId).IsUnique();
            e.Property(d => d.Drafter).HasMaxLength(32);
            e.Property(d => d.Note).HasMaxLength(1000);
            e.Ignore(d => d.IsPublished);
            e.HasOne<Session>().WithMany().HasForeignKey(d => d.SessionId);
        });
        modelBuilder.Entity<Invitation>(e =>
        {
            e.HasIndex(i => i.TokenHash).IsUnique();
            e.Property(i => i.TokenHash).HasMaxLength(64);
            e.Property(i => i.Email).HasMaxLength(Invitation.MaxEmailLength);
            e.Ignore(i => i.UsesLeft);
            e.HasOne<Delegation>().WithMany().HasForeignKey(i => i.DelegationId);
            e.HasOne<Participant>().WithMany().HasForeignKey(i => i.CreatedById);
        });
        modelBuilder.Entity<ChatLogEntry>(e =>
        {
            // A room's history and a person's own messages are both read newest first.
            e.HasIndex(l => new { l.Channel, l.ConversationId, l.Recipient, l.Id });
            e.HasIndex(l => new { l.Channel, l.Recipient, l.Id });
            e.Property(l => l.Channel).HasMaxLength(16);
            e.Property(l => l.ConversationId).HasMaxLength(300);
            e.Property(l => l.Recipient).HasMaxLength(200);
        });
        modelBuilder.Entity<ProcessedEvent>(e =>
        {
            e.HasKey(p => new { p.Channel, p.EventId });
            e.Property(p => p.EventId).HasMaxLength(200);
        });
        modelBuilder.Entity<WriteProbe>().HasData(new WriteProbe { Id = 1 });
    }
}
