import Link from 'next/link';

export default function NotFound() {
  return (
    <section className="notice">
      <h1>Page not found</h1>
      <p>There is nothing at this address. The article or comment may have a different link.</p>
      <p><Link href="/">Back to the articles</Link></p>
    </section>
  );
}
