import Link from 'next/link';

export default function Forbidden() {
  return (
    <section>
      <h1>Not allowed</h1>
      <p>Your account does not have access to this page. If you think it should, ask the site&apos;s owner.</p>
      <p><Link href="/">Back to the articles</Link></p>
    </section>
  );
}
