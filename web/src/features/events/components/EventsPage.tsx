/** Placeholder: filled in by the feature's own work. */
export function EventsPage() {
  return (
    <section className="page">
      <h2>EventsPage</h2>
      <p>Coming soon.</p>
    </section>
  );
}
