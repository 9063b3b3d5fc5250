/** Placeholder: filled in by the feature's own work. */
export function ReportPage() {
  return (
    <section className="page">
      <h2>ReportPage</h2>
      <p>Coming soon.</p>
    </section>
  );
}
