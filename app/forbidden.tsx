import { AccessMessage } from './_components/access-message';

export default function Forbidden() {
  return <AccessMessage kind="forbidden" />;
}
