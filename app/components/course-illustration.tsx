/** The shipped courses each have a drawing of their own (public/illustrations); any other course a plain book. */
const ILLUSTRATED = new Set(['single-window', 'aeo', 'cargo-container-control'])

/**
 * A course's picture on its catalogue card: decoration beside the title, so alt="" (the title says what
 * the course is). Width and height keep the card from jumping while the file loads.
 */
export function CourseIllustration({ slug }: { slug: string }) {
  const name = ILLUSTRATED.has(slug) ? slug : 'course'
  return (
    <img className="course-card__illustration" src={`/illustrations/${name}.svg`} alt="" width="320" height="120" />
  )
}
