import { AccessMessage } from './_components/access-message';

export default function NotFound() {
  return <AccessMessage kind="notFound" />;
}
