'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formAction } from '@/lib/actions/form-action';
import { createChannelSchema, updateChannelSchema } from '@/lib/grievances/channel-schemas';
import { createChannel, updateChannel } from '@/lib/grievances/channels';

export const createChannelAction = formAction(createChannelSchema, async (input, { db, actor }) => {
  const { id } = await createChannel(db, { ...input, actor });
  revalidatePath('/grievances');
  redirect(`/grievances/channels/${id}`);
});

export const updateChannelAction = formAction(updateChannelSchema, async (input, { db, actor }) => {
  await updateChannel(db, { ...input, actor });
  revalidatePath('/grievances', 'layout');
  redirect(`/grievances/channels/${input.channelId}`);
});
